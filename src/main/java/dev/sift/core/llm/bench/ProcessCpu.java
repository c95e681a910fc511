package dev.sift.core.llm.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * Reads the CPU time the client process has used so far: the JDK's process CPU time where it is
 * available, else the sum over live threads (which misses threads that have ended, so it reads low).
 * Also reads the time the JIT compiler has spent so far, where the JVM reports it.
 */
final class ProcessCpu {

    private final com.sun.management.OperatingSystemMXBean process;
    private final ThreadMXBean threads;

    private final CompilationMXBean jit;

    private ProcessCpu(com.sun.management.OperatingSystemMXBean process, ThreadMXBean threads) {
        this.process = process;
        this.threads = threads;
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        this.jit = compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler : null;
    }

    /** Milliseconds the JIT compiler threads have worked so far, or -1 when the JVM does not say. */
    long jitMillis() {
        return jit == null ? -1 : jit.getTotalCompilationTime();
    }

    static ProcessCpu create() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
            return new ProcessCpu(sun, null);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        return new ProcessCpu(null, threads);
    }

    /** "process" or "live threads". */
    String source() {
        return process != null ? "process CPU time" : "CPU time of live threads";
    }

    /** CPU nanoseconds used so far; only differences mean anything. */
    long nanos() {
        if (process != null) {
            return process.getProcessCpuTime();
        }
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}
