package io.github.authschema.verify;

import java.nio.file.Path;
import java.util.List;

/** Run in a child JVM by {@link InterruptedVerificationTest}: a verification that hangs in a migration until killed. */
public final class SlowVerification {
    private SlowVerification() {
    }

    public static void main(String[] args) {
        VerifyLog toStdout = new VerifyLog() {
            @Override
            public void info(String message) {
                System.out.println(message);
                System.out.flush();
            }

            @Override
            public void warn(String message) {
                info(message);
            }

            @Override
            public void debug(String message) {
            }
        };
        new Verifier(toStdout).verify(new VerifyConfig(Path.of(args[0])).locations(List.of("filesystem:slow")));
    }
}
