/**
 * The annotations users put on Zoho API interfaces: {@link io.github.zohokit.annotation.ZohoScope} for scopes,
 * {@code @Get}/{@code @Post}/{@code @Put}/{@code @Patch}/{@code @Delete} for the request, and
 * {@code @Path}/{@code @Query}/{@code @Header}/{@code @Body} for parameters; {@link io.github.zohokit.annotation.Coql}
 * declares a COQL query and {@link io.github.zohokit.annotation.Fields} the field names of a {@code fields}
 * parameter, both checked at compile time against the organisation's schema snapshot when there is one. The
 * {@code zoho-processor} annotation processor turns such interfaces into plain, reflection-free client classes at compile time.
 */
package io.github.zohokit.annotation;
