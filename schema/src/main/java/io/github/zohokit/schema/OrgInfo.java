package io.github.zohokit.schema;

/**
 * What {@code org.json} of a snapshot says about where it was fetched.
 *
 * @param orgId the organisation's id ({@code GET /crm/v8/org}), or null when it could not be read
 * @param dataCenter the data centre's location ({@code us}, {@code eu}, ...), or null
 * @param apiVersion the CRM API version the metadata was read with ({@code v8})
 * @param fetchedAt when the snapshot's content last changed, ISO-8601 UTC, or null
 * @param toolVersion the zohokit version that wrote it, or null
 */
public record OrgInfo(String orgId, String dataCenter, String apiVersion, String fetchedAt, String toolVersion) {

  /**
   * Whether {@code other} describes the same organisation in the same data centre. An unknown org id or data centre
   * on either side is not a difference.
   *
   * @param other the other snapshot's org
   * @return false only when both name an org id (or data centre) and they differ
   */
  public boolean sameOrgAs(OrgInfo other) {
    return same(orgId, other.orgId) && same(dataCenter, other.dataCenter);
  }

  private static boolean same(String a, String b) {
    return a == null || b == null || a.equals(b);
  }
}
