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
  Thread.sleep(1500)   // after the first poll (at the 1 s interval), so it sees authorization_pending once
  fake.pendingDeviceCodes().each { fake.approveDevice(it) }
}
return true
