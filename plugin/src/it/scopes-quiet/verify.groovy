// SCOPES=$(mvn -q zoho:scopes) captures the scope string and nothing else, on the wrapper's Maven and on 3.8.7
// (whose console writes an ANSI reset, ESC[0m, at exit unless the goal turns it off).
def expected = 'ZohoCRM.modules.leads.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.users.READ'

// 1. The build invoker ran (-q compile zoho:scopes): one line. Invoker always adds -B, and Maven 3.8's switch to
//    batch mode writes a reset before any plugin runs, so resets are left out here; step 2 checks the bytes.
def lines = new File(basedir, 'build.log').getText('UTF-8').replace('\u001b[0m', '').split('\n', -1)
    .findAll { !it.startsWith('Running ') && !it.startsWith('Finished ') && !it.isBlank() }
assert lines == [expected]

// 2. What a script captures: this execution's Maven run as a script runs it (no -B), standard output alone.
def settings = new File(basedir, 'capture-settings.xml')
settings.setText(new File(itSources, '../../../.mvn/it-settings.xml').getText('UTF-8')
    .replace('@userRepositoryUrl@', userRepositoryUrl), 'UTF-8')
def mvn = new File(itMavenHome, 'bin/mvn').absolutePath
def process = new ProcessBuilder(mvn, '-q', '-o', '-s', settings.absolutePath,
    '-Dmaven.repo.local=' + localRepositoryPath, 'zoho:scopes')
    .directory(basedir).redirectError(new File(basedir, 'capture.err')).start()
def captured = process.inputStream.bytes
assert process.waitFor() == 0 : new File(basedir, 'capture.err').text
assert captured == (expected + '\n').getBytes('UTF-8') :
    "${mvn} -q zoho:scopes wrote ${captured.encodeHex()} ('${new String(captured, 'UTF-8')}')"
return true
