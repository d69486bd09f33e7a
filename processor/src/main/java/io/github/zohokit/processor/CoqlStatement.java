package io.github.zohokit.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code @Coql} statement parsed at compile time, far enough to check it: its select columns, its {@code from}
 * module, the comparisons of its {@code where} clause (the field and the literals or parameters it is compared
 * with), the fields of {@code group by} and {@code order by}, and where each {@code :name} parameter stands (so the
 * generated method can write the argument there as a literal, see the runtime's {@code CoqlLiterals}).
 *
 * <p>The grammar is Zoho's (COQL-Overview.html, COQL-Limitations.html under
 * {@code https://www.zoho.com/crm/developer/docs/api/v8/}): {@code select col {, col} from Module [where cond]
 * [group by f {, f}] [order by f [asc|desc] {, ...}] [limit n [offset m] | limit m, n] [offset m]}; a column is a
 * field API name, a dotted path through lookups ({@code Account_Name.Account_Name}), a quoted name ({@code 'External'},
 * {@code 'What_Id->Leads.Last_Name'}) or an aggregate ({@code COUNT(id)}), optionally {@code as alias}; a condition
 * is {@code f op v}, {@code f [not] in (v, ...)}, {@code f [not] like 'x'}, {@code f is [not] null},
 * {@code f between v and v}, combined with {@code and}/{@code or} and parentheses. Keywords ignore case. At most 50
 * columns (COQL-Limitations.html).
 */
final class CoqlStatement {
  static final int MAX_COLUMNS = 50;
  private static final Set<String> CLAUSES = Set.of("where", "group", "order", "limit", "offset");
  private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", "<", ">", "<=", ">=");

  /** A statement Zoho would refuse, with what to write instead. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /** One token: its text and where it starts in the statement. */
  record Token(String text, int start, Kind kind) {
    enum Kind { WORD, STRING, NUMBER, PARAMETER, SYMBOL }

    boolean is(String word) {
      return kind != Kind.STRING && text.equalsIgnoreCase(word);
    }

    /** The text of a quoted string, unescaped ({@code \'} and {@code ''} both stand for a quote). */
    String unquoted() {
      StringBuilder b = new StringBuilder();
      String inner = text.substring(1, text.length() - 1);
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if ((c == '\\' || c == '\'') && i + 1 < inner.length()) {
          b.append(inner.charAt(++i));
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }
  }

  /** A field named in the statement: its path as written ({@code Account_Name.Account_Name}) and the clause. */
  record FieldRef(String path, String clause) {}

  /**
   * A column of the answer: the key Zoho answers it under (the field path, an aggregate as written, or the alias),
   * and the field path it reads; null for an aggregate.
   */
  record Column(String key, String path) {}

  /** A comparison: the field, the operator, and the values compared with (literals or parameters). */
  record Comparison(FieldRef field, String operator, List<Token> values) {}

  private final String text;
  private final List<Token> tokens;
  private int at;
  private String module;
  private final List<FieldRef> columns = new ArrayList<>();
  private final List<Column> selected = new ArrayList<>();
  private final List<FieldRef> otherFields = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();
  private final List<Token> parameters = new ArrayList<>();

  private CoqlStatement(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  static CoqlStatement parse(String text) throws SyntaxError {
    CoqlStatement statement = new CoqlStatement(text, tokenize(text));
    statement.statement();
    return statement;
  }

  String module() {
    return module;
  }

  List<FieldRef> columns() {
    return columns;
  }

  /** The answer's columns, in order. */
  List<Column> selected() {
    return selected;
  }

  /** Fields of the where, group by and order by clauses. */
  List<FieldRef> otherFields() {
    return otherFields;
  }

  List<Comparison> comparisons() {
    return comparisons;
  }

  /** Every {@code :name} in order, with its position. */
  List<Token> parameters() {
    return parameters;
  }

  /**
   * The statement's constant text around the parameters: {@code parameters().size() + 1} pieces; piece {@code i}
   * comes before parameter {@code i}.
   */
  List<String> pieces() {
    List<String> pieces = new ArrayList<>();
    int from = 0;
    for (Token p : parameters) {
      pieces.add(text.substring(from, p.start()));
      from = p.start() + p.text().length();
    }
    pieces.add(text.substring(from));
    return pieces;
  }

  private void statement() throws SyntaxError {
    expect("select", "a COQL statement starts with select");
    column();
    while (peekIs(",")) {
      at++;
      column();
    }
    if (columns.size() > MAX_COLUMNS) {
      throw new SyntaxError("selects " + columns.size() + " columns; Zoho allows at most " + MAX_COLUMNS
          + " per query (COQL-Limitations.html): split it into two queries");
    }
    expect("from", "the select list ends with from and the module's API name");
    Token m = next("the module's API name after from");
    if (m.kind() != Token.Kind.WORD) {
      throw new SyntaxError("'" + m.text() + "' after from is not a module API name");
    }
    module = m.text();
    if (peekIs("where")) {
      at++;
      condition();
    }
    if (peekIs("group")) {
      at++;
      expect("by", "group is followed by by");
      otherFields.add(new FieldRef(field("group by"), "group by"));
      while (peekIs(",")) {
        at++;
        otherFields.add(new FieldRef(field("group by"), "group by"));
      }
    }
    if (peekIs("order")) {
      at++;
      expect("by", "order is followed by by");
      do {
        if (peekIs(",")) {
          at++;
        }
        otherFields.add(new FieldRef(field("order by"), "order by"));
        if (peekIs("asc") || peekIs("desc")) {
          at++;
        }
      } while (peekIs(","));
    }
    if (peekIs("limit")) {
      at++;
      number("limit");
      if (peekIs(",")) {
        at++;
        number("limit");
      }
    }
    if (peekIs("offset")) {
      at++;
      number("offset");
    }
    if (at < tokens.size()) {
      throw new SyntaxError("unexpected '" + tokens.get(at).text() + "' after the end of the statement (expected "
          + "where, group by, order by, limit or offset in that order)");
    }
  }

  private void column() throws SyntaxError {
    Token t = next("a column after select");
    String key;
    String path = null;
    if (t.kind() == Token.Kind.WORD && peekIs("(")) {
      // an aggregate such as COUNT(id) or SUM(Amount): Zoho answers it under the text as written
      at++;
      if (!peekIs(")")) {
        path = field("select");
        columns.add(new FieldRef(path, "select"));
      }
      expect(")", t.text() + "( needs its closing )");
      key = text.substring(t.start(), tokens.get(at - 1).start() + 1);
      path = null;
    } else if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.STRING) {
      if (t.is("from") || t.is("*")) {
        throw new SyntaxError(t.is("*") ? "COQL has no select *: name the fields (at most " + MAX_COLUMNS + ")"
            : "the select list is empty: name at least one field");
      }
      path = t.kind() == Token.Kind.STRING ? t.unquoted() : t.text();
      key = path;
      columns.add(new FieldRef(path, "select"));
    } else {
      throw new SyntaxError("'" + t.text() + "' is not a field in the select list");
    }
    if (peekIs("as")) {
      at++;
      Token alias = next("an alias after as");
      key = alias.kind() == Token.Kind.STRING ? alias.unquoted() : alias.text();
    }
    selected.add(new Column(key, path));
  }

  private void condition() throws SyntaxError {
    term();
    while (peekIs("and") || peekIs("or")) {
      at++;
      term();
    }
  }

  private void term() throws SyntaxError {
    if (peekIs("(")) {
      at++;
      condition();
      expect(")", "a ( in the where clause needs its closing )");
      return;
    }
    FieldRef field = new FieldRef(field("where"), "where");
    otherFields.add(field);
    Token op = next("an operator after " + field.path());
    List<Token> values = new ArrayList<>();
    String operator;
    if (op.is("is")) {
      operator = "is";
      if (peekIs("not")) {
        at++;
      }
      expect("null", "is and is not are followed by null");
    } else if (op.is("not") || op.is("in") || op.is("like")) {
      boolean not = op.is("not");
      Token word = not ? next("in or like after not") : op;
      operator = (not ? "not " : "") + word.text().toLowerCase(Locale.ROOT);
      if (word.is("in")) {
        expect("(", "in is followed by (values)");
        values.add(value());
        while (peekIs(",")) {
          at++;
          values.add(value());
        }
        expect(")", "the values of in end with )");
      } else if (word.is("like")) {
        values.add(value());
      } else {
        throw new SyntaxError("'not " + word.text() + "': not is followed by in or like");
      }
    } else if (op.is("between")) {
      operator = "between";
      values.add(value());
      expect("and", "between takes two values joined by and");
      values.add(value());
    } else if (OPERATORS.contains(op.text())) {
      operator = op.text();
      values.add(value());
    } else {
      throw new SyntaxError("'" + op.text() + "' after " + field.path() + " is not a COQL comparator (=, !=, <, >, "
          + "<=, >=, in, not in, like, not like, between, is null, is not null)");
    }
    comparisons.add(new Comparison(field, operator, values));
  }

  private Token value() throws SyntaxError {
    Token t = next("a value");
    if (t.kind() == Token.Kind.SYMBOL) {
      throw new SyntaxError("'" + t.text() + "' is not a value; write a quoted text, a number, true, false or a "
          + ":parameter");
    }
    if (t.kind() == Token.Kind.PARAMETER) {
      parameters.add(t);
    }
    return t;
  }

  private String field(String clause) throws SyntaxError {
    Token t = next("a field in " + clause);
    if (t.kind() == Token.Kind.STRING) {
      return t.unquoted();
    }
    if (t.kind() != Token.Kind.WORD || CLAUSES.contains(t.text().toLowerCase(Locale.ROOT))) {
      throw new SyntaxError("'" + t.text() + "' is not a field in " + clause);
    }
    return t.text();
  }

  private void number(String clause) throws SyntaxError {
    Token t = next("a number after " + clause);
    if (t.kind() == Token.Kind.PARAMETER) {
      parameters.add(t);
    } else if (t.kind() != Token.Kind.NUMBER) {
      throw new SyntaxError("'" + t.text() + "' after " + clause + " is not a number");
    }
  }

  private boolean peekIs(String word) {
    return at < tokens.size() && tokens.get(at).is(word);
  }

  private Token next(String expected) throws SyntaxError {
    if (at >= tokens.size()) {
      throw new SyntaxError("the statement ends where " + expected + " was expected");
    }
    return tokens.get(at++);
  }

  private void expect(String word, String why) throws SyntaxError {
    if (!peekIs(word)) {
      throw new SyntaxError((at < tokens.size() ? "'" + tokens.get(at).text() + "' found" : "the statement ends")
          + " where '" + word + "' was expected: " + why);
    }
    at++;
  }

  static List<Token> tokenize(String text) throws SyntaxError {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < text.length()) {
          char d = text.charAt(j);
          if (d == '\\') {
            j += 2;
            continue;
          }
          if (d == c) {
            if (j + 1 < text.length() && text.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        if (j >= text.length()) {
          throw new SyntaxError("the quoted text starting at " + text.substring(i, Math.min(text.length(), i + 20))
              + " has no closing " + c);
        }
        tokens.add(new Token("'" + text.substring(i + 1, j) + "'", i, Token.Kind.STRING));
        i = j + 1;
      } else if (c == ':' && i + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
        int j = i + 1;
        while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
          j++;
        }
        tokens.add(new Token(text.substring(i, j), i, Token.Kind.PARAMETER));
        i = j;
      } else if ("(),".indexOf(c) >= 0) {
        tokens.add(new Token(String.valueOf(c), i, Token.Kind.SYMBOL));
        i++;
      } else if ("=<>".indexOf(c) >= 0 || c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
        int j = i + 1;
        if (j < text.length() && (text.charAt(j) == '=' || c == '<' && text.charAt(j) == '>')) {
          j++;
        }
        tokens.add(new Token(text.substring(i, j), i, Token.Kind.SYMBOL));
        i = j;
      } else {
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j))
            && "(),=<>'\"".indexOf(text.charAt(j)) < 0 && !(text.charAt(j) == '!' && j > i)) {
          j++;
        }
        String word = text.substring(i, j);
        boolean number = word.matches("-?\\d+(\\.\\d+)?");
        tokens.add(new Token(word, i, number ? Token.Kind.NUMBER : Token.Kind.WORD));
        i = j;
      }
    }
    return tokens;
  }
}
