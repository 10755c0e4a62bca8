"""Sphinx settings of the course website, built once per language by tools/site.py.

    python course.py site

builds this folder's settings twice, ``language="en"`` and ``language="ko"``,
from the repository's own README, GLOSSARY.md and stored notebooks (nothing is
executed). What differs between the two builds is in tools/site.py (EDITIONS).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tools.site, the extension below

project = "Keras First Steps (딥러닝 첫걸음)"
extensions = ["myst_nb", "tools.site"]

# The stored outputs are the page: never run a cell, never load widget scripts
# from a CDN (the stored notebooks carry no widget state).
nb_execution_mode = "off"
nb_ipywidgets_js = {}
myst_heading_anchors = 3

# Only what a page needs: the rest of the repository is not part of the site.
exclude_patterns = [".*", "build", "**/.ipynb_checkpoints"]
# Lessons start at "#" and may skip to "###"; tracebacks hold characters the lexer refuses.
suppress_warnings = ["myst.header", "misc.highlighting_failure"]

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["course.css"]
templates_path = ["_templates"]
html_last_updated_fmt = None
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,  # course-links.html has the notebook's
    "use_fullscreen_button": False,
    "article_header_end": ["course-links.html", "article-header-buttons.html"],
    "navigation_with_keys": False,
    "navbar_persistent": [],  # the side bar has the search field
}
