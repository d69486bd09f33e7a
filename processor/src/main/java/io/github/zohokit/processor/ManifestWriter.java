package io.github.zohokit.processor;

import io.github.zohokit.processor.ClientModel.MethodModel;
import io.github.zohokit.scope.ScopeManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The manifest {@code META-INF/zoho/scopes.json} of this compilation's clients, written by its one owner,
 * {@link ScopeManifest} (sorted throughout, so the same sources give the same bytes on every build). Per method the
 * scopes that will be requested, {@code scopeFrom} (where they were declared: {@code method}, {@code interface}, or
 * {@code interface <name>} when inherited) and {@code catalogue} (what zohokit's scope catalogue knows of the call:
 * {@code documented}, {@code documented, module known at run time}, {@code unknown}).
 */
final class ManifestWriter {
  private ManifestWriter() {}

  static String write(List<ClientModel> clients) {
    return write(clients, List.of());
  }

  /**
   * The manifest of {@code clients} and of {@code kept} (clients of an earlier build's manifest this compilation did
   * not see); a kept client that is also in {@code clients} is replaced.
   */
  static String write(List<ClientModel> clients, List<ScopeManifest.Api> kept) {
    Set<String> compiled = new java.util.HashSet<>();
    List<ScopeManifest.Api> all = new ArrayList<>();
    for (ClientModel client : clients) {
      compiled.add(client.interfaceName().canonicalName());
      all.add(client(client));
    }
    kept.stream().filter(k -> !compiled.contains(k.interfaceName())).forEach(all::add);
    return ScopeManifest.of(all).toJson();
  }

  private static ScopeManifest.Api client(ClientModel client) {
    List<ScopeManifest.Method> methods = new ArrayList<>();
    for (MethodModel method : client.methods()) {
      methods.add(new ScopeManifest.Method(method.name(), method.httpMethod(), method.path().toString(), method.scopes(),
          method.scopeOrigin(), method.catalogue()));
    }
    return new ScopeManifest.Api(client.interfaceName().canonicalName(), methods, null);
  }

  /**
   * The clients of a manifest an earlier build wrote; empty when {@code manifest} is empty or not a zohokit scope
   * manifest, so an unreadable old manifest is replaced rather than merged.
   */
  static List<ScopeManifest.Api> read(String manifest, String source) {
    if (manifest.isEmpty()) {
      return List.of();
    }
    try {
      return ScopeManifest.parse(manifest, source).apis();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }
}
