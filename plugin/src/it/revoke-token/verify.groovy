evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def fake = context.get('fake')
  def log = buildLog()
  // one line per outcome: the goal's own, and no second near-identical line from the runtime
  def revoked = log.readLines().findAll { it.contains('Revoked') }
  assert revoked.size() == 1: revoked
  assert revoked[0] =~ /\[INFO\] Revoked the Zoho token of client \S+, user default at Zoho and removed it from .*tokens\.json/
  def nothing = log.readLines().findAll { it.contains('nothing to revoke') }
  assert nothing.size() == 1: nothing
  assert nothing[0].contains('No Zoho token is stored for client ')
  assert fake.count('revoke') == 1
  assert fake.liveRefreshTokens(context.get('client')) == 0
  assert storedTokens().isEmpty()
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
