package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The scope string leaves nothing behind it on standard output: Maven 3.8's console would reset the terminal at exit. */
class ScopesOutputTest {
  /** Stands for Maven 3.8's {@code org.fusesource.jansi.AnsiPrintStream}, which resets at exit unless told not to. */
  public static final class ConsoleLikeJansi extends PrintStream {
    boolean resetAtUninstall = true;

    ConsoleLikeJansi() {
      super(new ByteArrayOutputStream());
    }

    public void setResetAtUninstall(boolean reset) {
      this.resetAtUninstall = reset;
    }
  }

  @Test
  void mavens38ConsoleIsToldNotToResetTheTerminalAfterTheScopeString() {
    ConsoleLikeJansi console = new ConsoleLikeJansi();

    ScopesMojo.noResetAtExit(console);

    assertThat(console.resetAtUninstall).isFalse();
  }

  @Test
  void anyOtherStreamIsLeftAlone() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream plain = new PrintStream(bytes);

    ScopesMojo.noResetAtExit(plain);
    plain.print("ZohoCRM.users.READ");
    plain.flush();

    assertThat(bytes.toString()).isEqualTo("ZohoCRM.users.READ");
  }
}
