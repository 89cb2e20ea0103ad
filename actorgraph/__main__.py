"""`python -m actorgraph` runs the command line, as the `actorgraph` script does."""

from actorgraph.cli import main

main()
