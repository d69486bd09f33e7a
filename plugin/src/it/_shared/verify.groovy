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

// Exactly one token was stored, and neither it nor any secret of the set-up reached the build log.
assertOneTokenStoredAndNotLogged = { String log ->
  def tokens = storedTokens()
  assert tokens.size() == 1
  assertNoSecrets(log, context.get('secrets') + [tokens[0].get('access_token').asText(),
      tokens[0].get('refresh_token').asText()])
}
