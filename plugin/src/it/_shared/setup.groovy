// Shared by the ITs' setup scripts: copies the annotated interface in, starts a fake Zoho kept in `context`,
// and writes the IT's .mvn/maven.config (properties) and settings-it.xml (the <server> with the credentials).
import io.github.zohokit.auth.DataCenter
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
