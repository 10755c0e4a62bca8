"""Helpers for the Keras First Steps course (딥러닝 첫걸음).

Importing this package has no side effects: nothing is seeded, printed or
configured until you call a function. Start a notebook with::

    from helpers.environment import setup_notebook
    setup_notebook()
"""

__version__ = "0.1.0"

#: The course's public repository and the branch or tag that Colab and JupyterHub
#: fetch it from: the one place the two are written. The Colab badge and bootstrap
#: cell of every lesson, the READMEs and the start pages repeat them (tests check
#: that they all agree); ``python course.py publish --repo OWNER/NAME --ref REF``
#: rewrites these two lines and every copy together (tools/publish.py).
REPOSITORY = "https://github.com/keras-first-steps/keras-first-steps"
COURSE_TAG = "v0.1.0"
