evaluate(new File(itSources, '_shared/setup.groovy'))
def fake = startFake(deviceInterval: java.time.Duration.ofMillis(1000))
def client = fake.registerNonBrowserClient()
context.put('secrets', [client.clientSecret()])
writeProperties(['zoho.accountsUrl': usUrl(fake), 'zoho.tokenStore': tokenFile(),
                 'zoho.scopes': 'ZohoCRM.modules.ALL,ZohoCRM.users.READ', 'zoho.slowDownSeconds': '1'])
writeSettings(client.clientId(), client.clientSecret())
// the user, in a browser somewhere: approves the first code that shows up
Thread.start {
  for (int i = 0; i < 600 && fake.pendingDeviceCodes().isEmpty(); i++) {
    Thread.sleep(100)
  }
  // approve only after the goal's first poll, so that poll sees authorization_pending (whatever the machine's load)
  for (int i = 0; i < 600 && fake.count('device:token') < 1; i++) {
    Thread.sleep(100)
  }
  fake.pendingDeviceCodes().each { fake.approveDevice(it) }
}
return true
