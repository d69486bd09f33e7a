// -q -DskipTests on a module of zohokit's parent: the build succeeded (the failing Surefire test, Failsafe IT and
// invoker IT did not run) and printed nothing at all.
def log = new File(basedir, 'build.log').readLines()
    .findAll { it.trim() && !(it ==~ /(Running|Finished) (pre|post)-build script: .*/) }
assert log.isEmpty(): "-q -DskipTests printed:\n${log.join('\n')}"
assert !new File(basedir, 'target/failsafe-reports').exists(): 'Failsafe ran'
assert !new File(basedir, 'target/it').exists(): 'the invoker ran'
return true
