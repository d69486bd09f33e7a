evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('The client secret is wrong')
  assert storedTokens().isEmpty()
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
