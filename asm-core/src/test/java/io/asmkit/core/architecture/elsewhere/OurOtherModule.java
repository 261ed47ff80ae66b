package io.asmkit.core.architecture.elsewhere;

/** Stands for a class of another module of ours, which the core must not use. */
public final class OurOtherModule {}
