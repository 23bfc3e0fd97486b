"""``python -m torchkeras._api_listing > docs/API.md``: writes the generated API listing.

The listing comes from the export registry (``api_export.markdown``); a test checks that
the committed ``docs/API.md`` is up to date.
"""

import sys

from torchkeras.api_export import markdown

if __name__ == "__main__":
    sys.stdout.write(markdown())
