evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def fake = context.get('fake')
  def log = buildLog()
  assert log.contains('lacks scopes this build\'s APIs need: ZohoCRM.modules.leads.CREATE,ZohoCRM.users.READ')
  assert log.contains('Nothing was stored')
  assert log.contains('with any token already in it, was left as it was')
  // the revocation of the tokens just issued is not reported as if the user's stored token had been revoked
  assert !log.contains('Revoked the')
  assert !log.contains('in-memory')
  assert storedTokens().isEmpty()
  assert fake.count('revoke') == 1
  assert fake.liveRefreshTokens(context.get('client')) == 0
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
