package swfw.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: skips the class or test unless root ({@link Lab#skipUnlessRoot()}) and
 * injects a fresh {@link Lab} into test methods, {@code @BeforeEach} methods and
 * {@code @BeforeAll} methods. A lab injected into a test or {@code @BeforeEach} is closed after
 * that test; one injected into {@code @BeforeAll} after the class, pass or fail.
 *
 * <pre>{@code
 * @Tag("kernel")
 * @ExtendWith(LabExtension.class)
 * class FirewallTest {
 *   @Test void sshIsOpen(Lab lab) { ... }
 * }
 * }</pre>
 */
public final class LabExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);
  private static final String KEY = "lab";

  @Override
  public void beforeAll(ExtensionContext context) {
    Lab.skipUnlessRoot();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Lab.skipUnlessRoot();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Lab.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    Lab lab = store.get(KEY, Lab.class);
    if (lab == null) {
      lab = Lab.create();
      store.put(KEY, lab);
    }
    return lab;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeLab(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeLab(context);
  }

  private static void closeLab(ExtensionContext context) {
    Lab lab = context.getStore(NS).remove(KEY, Lab.class);
    if (lab != null) {
      lab.close();
    }
  }
}
