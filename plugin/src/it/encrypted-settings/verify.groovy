evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('Stored new Zoho tokens')
  assert storedTokens().size() == 1
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
