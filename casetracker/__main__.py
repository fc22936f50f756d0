import sys

from casetracker.cli.main import main

sys.exit(main())
