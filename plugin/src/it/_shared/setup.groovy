// Shared by the ITs' setup scripts: copies the annotated interface in, starts a fake Zoho kept in `context`,
// and writes the IT's .mvn/maven.config (properties) and settings-it.xml (the <server> with the credentials).
import io.github.zohokit.token.DataCenter
import io.github.zohokit.testkit.FakeZoho
import java.time.Duration

copyApi = {
  def target = new File(basedir, 'src/main/java/it/zohokit/LeadsApi.java')
  target.parentFile.mkdirs()
  target.text = new File(itSources, '_shared/LeadsApi.java').text
}

startFake = { Map options = [:] ->
  def builder = FakeZoho.builder()
  if (options.deviceInterval) {
    builder.deviceInterval(options.deviceInterval).deviceSlowDownWindow(Duration.ofMillis(50))
  }
  def fake = builder.start()
  context.put('fake', fake)
  fake
}

// The IT build's command line: .mvn/maven.config, with -gs for the IT's settings (invoker owns -s).
writeProperties = { Map props ->
  def dir = new File(basedir, '.mvn')
  dir.mkdirs()
  def args = ['-gs', new File(basedir, 'settings-it.xml').absolutePath]
  props.each { k, v -> args << "-D${k}=${v}".toString() }
  new File(dir, 'maven.config').text = args.join('\n') + '\n'
}

writeSettings = { String username, String password ->
  new File(basedir, 'settings-it.xml').text = """<settings>
  <servers>
    <server>
      <id>zoho</id>
      <username>${username}</username>
      <password>${password}</password>
    </server>
  </servers>
</settings>
"""
}

usUrl = { FakeZoho fake -> fake.baseUrl(DataCenter.US) }
tokenFile = { new File(basedir, 'target/tokens.json').absolutePath }

// The usual project: the interface, a fake, a self client with a grant code for `scopes`, and a build given the
// code, the fake's accounts URL, the token file and the client's credentials. Options: scopes, properties (more
// -D properties), password (a closure from the client to the settings password), secrets (more values that must
// not appear in the build log). Returns [fake, client, code].
selfClientBuild = { Map options = [:] ->
  copyApi()
  def fake = startFake()
  def client = fake.registerSelfClient()
  def code = fake.generateGrantCode(client, options.scopes ?: ['ZohoCRM.modules.leads.ALL', 'ZohoCRM.users.READ'])
  context.put('client', client)
  context.put('secrets', [client.clientSecret(), code] + (options.secrets ?: []))
  writeProperties(['zoho.accountsUrl': usUrl(fake), 'zoho.tokenStore': tokenFile(), 'zoho.grantToken': code]
      + (options.properties ?: [:]))
  writeSettings(client.clientId(), options.password ? options.password(client) : client.clientSecret())
  [fake: fake, client: client, code: code]
}
