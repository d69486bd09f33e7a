throw new AssertionError('the invoker ran an IT despite -DskipTests')
