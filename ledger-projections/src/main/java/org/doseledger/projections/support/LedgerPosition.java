package org.doseledger.projections.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code long} parameter of an event handler that receives the event's own ledger position (its
 * global index), which read models key their rows by. Not the tracking token's position: that is the
 * highest index the processor has seen, which differs whenever an event fills a gap left by a
 * transaction that committed late.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface LedgerPosition {}
