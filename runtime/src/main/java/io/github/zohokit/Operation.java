package io.github.zohokit;

import io.github.zohokit.scope.Scope;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one call of a generated API method is: the Java method it implements, the HTTP method, the path template and
 * the declared scopes. Every request a generated API sends carries its operation as a tag, so an OkHttp interceptor
 * (metrics, logs, tracing) can name the call by its template instead of its concrete URL, in the manner of
 * Retrofit's {@code Invocation}:
 *
 * <pre>{@code
 * Operation operation = chain.request().tag(Operation.class);
 * if (operation != null) {
 *   timer(operation.httpMethod(), operation.pathTemplate()).record(...);   // "GET", "/crm/v8/{module}/{id}"
 * }
 * }</pre>
 *
 * Each generated method prepares its operation once, when its class is initialised; reading one costs nothing per
 * call, and {@link #method()} resolves the {@link Method} by reflection only when first asked. Immutable and
 * thread-safe.
 */
public final class Operation {
  private final Class<?> api;
  private final String methodName;
  private final Class<?>[] parameterTypes;
  private final String httpMethod;
  private final String pathTemplate;
  private final List<Scope> scopes;
  private volatile Method method;

  private Operation(Class<?> api, String methodName, Class<?>[] parameterTypes, String httpMethod,
      String pathTemplate, List<Scope> scopes) {
    this.api = Objects.requireNonNull(api, "api");
    this.methodName = Objects.requireNonNull(methodName, "methodName");
    this.parameterTypes = parameterTypes == null ? null : parameterTypes.clone();
    this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    this.scopes = List.copyOf(scopes);
  }

  /**
   * An operation, as generated code declares it (and as tests of interceptors build one).
   *
   * @param api the annotated interface, such as {@code LeadsApi.class}
   * @param methodName the interface method, such as {@code find}
   * @param parameterTypes the method's parameter types (erased), or null when {@code api} has one method of that
   *     name
   * @param httpMethod the HTTP method, upper case, such as {@code GET}
   * @param pathTemplate the declared path with its {@code {variables}} and without a query, such as
   *     {@code /crm/v8/{module}/{id}}
   * @param scopes the declared scopes
   * @return the operation
   */
  public static Operation of(Class<?> api, String methodName, Class<?>[] parameterTypes, String httpMethod,
      String pathTemplate, List<Scope> scopes) {
    return new Operation(api, methodName, parameterTypes, httpMethod, pathTemplate, scopes);
  }

  /**
   * The annotated interface the generated API implements.
   *
   * @return the interface, such as {@code LeadsApi.class}
   */
  public Class<?> api() {
    return api;
  }

  /**
   * The name of the interface method that made the call.
   *
   * @return the method's name, such as {@code find}
   */
  public String methodName() {
    return methodName;
  }

  /**
   * The interface method that made the call, looked up by reflection the first time it is asked for (then kept).
   *
   * @return the method of {@link #api()}
   * @throws IllegalStateException when the interface no longer has the method (a class path mixing builds)
   */
  public Method method() {
    Method found = method;
    if (found == null) {
      found = resolve();
      method = found;
    }
    return found;
  }

  private Method resolve() {
    if (parameterTypes != null) {
      try {
        return api.getMethod(methodName, parameterTypes);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(api.getName() + " has no method " + methodName
            + Arrays.toString(parameterTypes) + "; rebuild the generated API", e);
      }
    }
    for (Method candidate : api.getMethods()) {
      if (candidate.getName().equals(methodName) && !candidate.isDefault()
          && !java.lang.reflect.Modifier.isStatic(candidate.getModifiers())) {
        return candidate;
      }
    }
    throw new IllegalStateException(api.getName() + " has no method " + methodName + "; rebuild the generated API");
  }

  /**
   * The HTTP method.
   *
   * @return the method, upper case, such as {@code GET}
   */
  public String httpMethod() {
    return httpMethod;
  }

  /**
   * The declared path template, without the host and without a constant query.
   *
   * @return the template, such as {@code /crm/v8/{module}/{id}}
   */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * The OAuth scopes the method declares (its {@code @ZohoScope}, or its interface's).
   *
   * @return the scopes, unmodifiable, as written
   */
  public List<Scope> scopes() {
    return scopes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Operation)) {
      return false;
    }
    Operation other = (Operation) o;
    return api == other.api && methodName.equals(other.methodName)
        && Arrays.equals(parameterTypes, other.parameterTypes) && httpMethod.equals(other.httpMethod)
        && pathTemplate.equals(other.pathTemplate) && scopes.equals(other.scopes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(api, methodName, httpMethod, pathTemplate);
  }

  /** The HTTP method and the path template, such as {@code GET /crm/v8/Leads/{id}}: how messages name a call. */
  @Override
  public String toString() {
    return httpMethod + " " + pathTemplate;
  }
}
