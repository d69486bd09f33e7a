package io.github.zohokit.spring;

/** Named as the processor names the implementation of {@link PretendApi}; not registered, so there is no bean. */
final class ZohoPretendApi implements PretendApi {}
