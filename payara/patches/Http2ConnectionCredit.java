import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rewrites Grizzly's {@code org.glassfish.grizzly.http2.Http2Session} class so that HTTP/2 request
 * bodies credit the connection's flow-control window once, not twice (payara/patches/README.md).
 *
 * <p>Grizzly credits the connection window when a DATA frame arrives ({@code ackConsumedData(int)})
 * and again when the application reads its bytes ({@code ackConsumedData(Http2Stream, int)}, which
 * starts by adding the bytes to the connection's unacknowledged count). This program puts one step
 * in front of the second: for a stream's bytes, take them off that count first, so the method's own
 * addition cancels out and only the stream's window is credited. Whatever the count already held
 * from arrivals is still sent as before, and the sum credited over a connection is what arrived.
 *
 * <p>Run with JDK 24 or later and the class's jar on the class path (for stack map frames): {@code
 * java -cp nucleus-grizzly-all.jar Http2ConnectionCredit.java IN.class OUT.class}. It refuses a
 * class whose method does not start as the one it was written against (Grizzly 5.0.3).
 */
public final class Http2ConnectionCredit {
  private static final ClassDesc SESSION = ClassDesc.of("org.glassfish.grizzly.http2.Http2Session");
  private static final ClassDesc STREAM = ClassDesc.of("org.glassfish.grizzly.http2.Http2Stream");
  private static final ClassDesc ATOMIC_INTEGER =
      ClassDesc.of("java.util.concurrent.atomic.AtomicInteger");
  private static final String UNACKED = "unackedReadBytes";
  private static final MethodTypeDesc ADD_AND_GET =
      MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_int);
  private static final MethodTypeDesc ACK_STREAM_DATA =
      MethodTypeDesc.of(ConstantDescs.CD_void, STREAM, ConstantDescs.CD_int);

  public static void main(String[] args) throws Exception {
    ClassFile classFile = ClassFile.of();
    ClassModel session = classFile.parse(Files.readAllBytes(Path.of(args[0])));
    if (!session.thisClass().asSymbol().equals(SESSION)) {
      throw new IllegalArgumentException(args[0] + " is not " + SESSION.displayName());
    }
    MethodModel ack =
        session.methods().stream()
            .filter(Http2ConnectionCredit::isStreamAck)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no ackConsumedData(Http2Stream, int)"));
    requireConnectionCreditFirst(ack);
    byte[] patched =
        classFile.transformClass(
            session,
            ClassTransform.transformingMethodBodies(
                Http2ConnectionCredit::isStreamAck, new StreamBytesOffConnectionCount()));
    Files.write(Path.of(args[1]), patched);
  }

  private static boolean isStreamAck(MethodModel method) {
    return method.methodName().equalsString("ackConsumedData")
        && method.methodTypeSymbol().equals(ACK_STREAM_DATA);
  }

  /** The method must open with {@code unackedReadBytes.addAndGet(sz)}, which the step undoes. */
  private static void requireConnectionCreditFirst(MethodModel ack) {
    List<Instruction> first =
        ack.code().orElseThrow().elementStream()
            .filter(Instruction.class::isInstance)
            .map(Instruction.class::cast)
            .limit(4)
            .toList();
    boolean expected =
        first.size() == 4
            && first.get(0) instanceof LoadInstruction self
            && self.slot() == 0
            && first.get(1) instanceof FieldInstruction field
            && field.name().equalsString(UNACKED)
            && field.typeSymbol().equals(ATOMIC_INTEGER)
            && first.get(2) instanceof LoadInstruction size
            && size.slot() == 2
            && first.get(3) instanceof InvokeInstruction add
            && add.name().equalsString("addAndGet");
    if (!expected) {
      throw new IllegalStateException(
          "ackConsumedData(Http2Stream, int) does not start with the connection credit: " + first);
    }
  }

  /** {@code if (stream != null) unackedReadBytes.addAndGet(-sz);} before the method's own code. */
  private static final class StreamBytesOffConnectionCount implements CodeTransform {
    @Override
    public void atStart(CodeBuilder code) {
      Label connectionOnly = code.newLabel();
      code.aload(1)
          .ifnull(connectionOnly)
          .aload(0)
          .getfield(SESSION, UNACKED, ATOMIC_INTEGER)
          .iload(2)
          .ineg()
          .invokevirtual(ATOMIC_INTEGER, "addAndGet", ADD_AND_GET)
          .pop()
          .labelBinding(connectionOnly);
    }

    @Override
    public void accept(CodeBuilder code, CodeElement element) {
      code.with(element);
    }
  }
}
