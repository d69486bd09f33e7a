evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('Maven runs offline (-o), but exchanging the grant token talks to Zoho (accounts.zoho.com). '
      + 'Run without -o')
  assert storedTokens().isEmpty()
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
