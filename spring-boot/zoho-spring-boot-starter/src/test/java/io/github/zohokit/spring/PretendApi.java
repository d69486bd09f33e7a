package io.github.zohokit.spring;

import io.github.zohokit.annotation.ZohoScope;

/** An API interface whose (pretend) generated implementation, {@link ZohoPretendApi}, is on the class path. */
@ZohoScope("ZohoCRM.modules.leads.READ")
public interface PretendApi {}
