package io.github.zohokit.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the scope string to paste into the API Console's "Generate Code" dialog: the minimal set of the scopes
 * this build's compiled Zoho APIs declare (and the dependency APIs it uses, see {@code zoho.dependencyScopes}),
 * plus {@code zoho.scopes}. The bare string goes to standard output (or to {@code zoho.output}), so
 * {@code SCOPES=$(mvn -q zoho:scopes)} captures exactly it, on Maven 3.8 as on 3.9; which client asked for which
 * scope goes to the log.
 */
@Mojo(name = "scopes", requiresProject = false, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class ScopesMojo extends AbstractZohoMojo {

  /** Write the scope string to this file instead of standard output. */
  @Parameter(property = "zoho.output")
  protected File output;

  /** Where the bare scope string goes when {@link #output} is not set; standard output. */
  PrintStream stdout = System.out;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    RequiredScopes required = requireScopes();
    for (String line : required.explanation()) {
      getLog().info(line);
    }
    String scopeString = required.consoleString();
    if (output == null) {
      noResetAtExit(stdout);
      noResetAtExit(System.err); // so that 2>&1 captures the string alone too
      stdout.println(scopeString);
      stdout.flush();
      return;
    }
    try {
      File parent = output.getAbsoluteFile().getParentFile();
      if (parent != null) {
        Files.createDirectories(parent.toPath());
      }
      Files.writeString(output.toPath(), scopeString + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the scope string to " + output + ": " + e.getMessage(), e);
    }
    getLog().info("Wrote the scope string to " + output);
  }

  /**
   * Maven 3.8's console (Jansi 2.4, {@code org.fusesource.jansi.AnsiPrintStream}) writes an ANSI reset
   * ({@code ESC[0m}) to standard output when Maven exits, even when standard output is a pipe, so
   * {@code SCOPES=$(mvn -q zoho:scopes)} would capture it after the scope string (and the same on standard error).
   * This turns that reset off on a stream (Maven 3.9 writes none). Jansi is Maven's, not this plugin's: its method is
   * looked up by name, and a stream without it is left alone.
   */
  static void noResetAtExit(PrintStream stream) {
    try {
      Method resetAtUninstall = stream.getClass().getMethod("setResetAtUninstall", boolean.class);
      resetAtUninstall.invoke(stream, false);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not Jansi's console: it writes nothing at exit
    }
  }
}
