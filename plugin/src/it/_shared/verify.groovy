// Shared by the ITs' verify scripts: the build log, the stored tokens, and the check that no secret reached the log.
buildLog = { new File(basedir, 'build.log').text }

storedTokens = {
  def file = new File(basedir, 'target/tokens.json')
  if (!file.exists()) return []
  def json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file)
  json.get('tokens').collect { it.get('token') }
}

assertNoSecrets = { String log, List secrets ->
  secrets.findAll { it != null }.each { secret ->
    assert !log.contains(secret.toString()): "a secret reached the build output: ${secret.toString().take(9)}..."
  }
}

stopFake = { context.get('fake')?.close() }
