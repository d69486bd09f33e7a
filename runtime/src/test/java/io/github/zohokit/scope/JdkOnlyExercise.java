package io.github.zohokit.scope;

import java.util.List;
import java.util.Optional;

/**
 * The scope home at work, run by {@link ScopeHomeIsJdkOnlyTest} in a class loader that has only zoho-runtime's own
 * classes (no Jackson, OkHttp, SLF4J): what the processor, the plugin and the fake do with it. Uses the JDK alone.
 */
public final class JdkOnlyExercise implements Runnable {
  @Override
  public void run() {
    List<Scope> declared = Scope.parseList("ZohoCRM.modules.deals.READ, ZohoCRM.modules.ALL");
    check(Scope.minimal(declared).size() == 1, "minimal");
    Optional<ScopeRequirement> variable = ScopeCatalogue.requirementFor("GET", "/crm/v8/{module}/{id}");
    check(variable.isPresent() && variable.get().isCoveredBy(declared), "a documented call");
    check(variable.get().forModule("Deals").orElseThrow().isCoveredBy(declared), "a module's call");
    check(!variable.get().suggestion().isEmpty() && !variable.get().alternatives().isEmpty(), "the suggestion");
    check(ScopeCatalogue.operationCount() > 300, "the catalogue");
    ScopeManifest manifest = ScopeManifest.of(List.of(new ScopeManifest.Api("com.example.LeadsApi",
        List.of(new ScopeManifest.Method("find", "GET", "/crm/v8/Leads/{id}", declared, "method", "documented")),
        null)));
    ScopeManifest read = ScopeManifest.parse(manifest.toJson(), "exercise");
    check(read.scopes().equals(manifest.scopes()) && read.toJson().equals(manifest.toJson()), "the manifest");
    check(ScopeManifest.load(JdkOnlyExercise.class.getClassLoader()) != null, "loading manifests");
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what + " does not work with the JDK alone");
    }
  }
}
