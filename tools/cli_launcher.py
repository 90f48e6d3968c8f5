"""Entry point of the bundled ``facilitator-cli`` (a console program on Windows).

installer.spec builds it next to ``facilitator``; it runs the same commands
as ``uv run facilitator-cli`` (facilitator.cli.main), never the window.
"""

import sys

from facilitator.cli import main

if __name__ == "__main__":
    sys.exit(main())
