// Each published module: its jar (as installed, here into the ITs' own repository) names its module with
// Automatic-Module-Name, and the build attached a -sources.jar with the sources and a -javadoc.jar with the docs.
import java.util.jar.JarFile

def modules = [runtime: 'zoho-runtime', processor: 'zoho-processor', crm: 'zoho-crm', testkit: 'zoho-testkit',
               plugin: 'zoho-maven-plugin']
def problems = []
modules.each { dir, artifact ->
  def name = "${artifact}-${zohokitVersion}"
  def jar = new File(localRepositoryPath, "io/github/zohokit/${artifact}/${zohokitVersion}/${name}.jar")
  if (!jar.isFile()) {
    problems << "not installed: ${jar}"
  } else {
    def moduleName = new JarFile(jar).withCloseable { it.manifest?.mainAttributes?.getValue('Automatic-Module-Name') }
    if (moduleName != "io.github.zohokit.${dir}") {
      problems << "${artifact}: Automatic-Module-Name is ${moduleName}, not io.github.zohokit.${dir}"
    }
  }
  [sources: '.java', javadoc: 'index.html'].each { classifier, expected ->
    def attached = new File(zohokitRoot, "${dir}/target/${name}-${classifier}.jar")
    if (!attached.isFile()) {
      problems << "no ${classifier} jar: ${attached}"
    } else if (!new JarFile(attached).withCloseable { j -> j.entries().toList().any { it.name.endsWith(expected) } }) {
      problems << "${attached.name} holds no ${expected}"
    }
  }
}
assert problems.isEmpty(): problems.join('\n')
return true
