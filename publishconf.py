"""Settings for publishing: the sample settings plus the portal's absolute address.

`bangyang build --settings publishconf.py` uses it. The feed and sitemap take
their absolute address from content/site.yaml (site_url); pages stay relative.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F401,F403,E402

DELETE_OUTPUT_DIRECTORY = True
