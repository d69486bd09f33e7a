package io.github.zohokit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.github.zohokit.annotation.Coql;
import io.github.zohokit.processor.ClientModel.MethodModel;
import java.util.List;

/**
 * Writes the one statement a {@code @Coql} method adds before its call: the body built from the statement's
 * constant pieces and each parameter written as a COQL literal by the runtime, never pasted as text:
 *
 * <pre>{@code
 * Map<String, String> coqlBody = CoqlLiterals.body("select Last_Name from Leads where Email = "
 *     + CoqlLiterals.literal("email", email));
 * }</pre>
 *
 * The call itself is the writer's usual POST with that body ({@link CoqlReader} made it the method's body parameter).
 */
final class CoqlWriter {
  private static final ClassName LITERALS = ClassName.get("io.github.zohokit.internal.call", "CoqlLiterals");

  private CoqlWriter() {}

  /** The statement declaring the body of a {@code @Coql} method; null for any other method. */
  static CodeBlock bodyStatement(MethodModel method) {
    Coql coql = method.element().getAnnotation(Coql.class);
    if (coql == null) {
      return null;
    }
    CoqlStatement statement;
    try {
      statement = CoqlStatement.parse(coql.value());
    } catch (CoqlStatement.SyntaxError e) {
      throw new IllegalStateException("checked by CoqlReader", e);
    }
    List<String> pieces = statement.pieces();
    CodeBlock.Builder text = CodeBlock.builder().add("$S", pieces.get(0));
    for (int i = 0; i < statement.parameters().size(); i++) {
      String name = statement.parameters().get(i).text().substring(1);
      text.add("$W+ $T.literal($S, $N)", LITERALS, name, name);
      if (!pieces.get(i + 1).isEmpty()) {
        text.add("$W+ $S", pieces.get(i + 1));
      }
    }
    return CodeBlock.of("$T $N = $T.body($L)", CoqlReader.BODY_TYPE, method.body().name(), LITERALS, text.build());
  }
}
