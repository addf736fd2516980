# SYNTAX TEST "source.python" "noqa directives are highlighted in comments only"

import os  # noqa
#          ^ punctuation.definition.comment.python
#            ^^^^ comment.line.number-sign.python keyword.other.noqa.pyreview

import sys, re  # noqa: F401, E401
#                 ^^^^ keyword.other.noqa.pyreview
#                     ^ punctuation.separator.noqa.pyreview
#                       ^^^^ constant.other.rule-code.pyreview
#                           ^ punctuation.separator.noqa.pyreview
#                             ^^^^ constant.other.rule-code.pyreview

try: pass
except: pass  #NOQA:E722 because the caller retries
#              ^^^^ keyword.other.noqa.pyreview
#                   ^^^^ constant.other.rule-code.pyreview
#                        ^^^^^^^ comment.line.number-sign.python - constant.other.rule-code.pyreview

x = 1  # long explanation  # noqa: E501 W291
#         ^^^^^^^^^^^ comment.line.number-sign.python - keyword.other.noqa.pyreview
#                            ^^^^ keyword.other.noqa.pyreview
#                                  ^^^^ constant.other.rule-code.pyreview
#                                       ^^^^ constant.other.rule-code.pyreview

# pyreview: noqa
# ^^^^^^^^ keyword.other.noqa.tool.pyreview
#           ^^^^ keyword.other.noqa.pyreview

# flake8: noqa: E501
# ^^^^^^ keyword.other.noqa.tool.pyreview
#         ^^^^ keyword.other.noqa.pyreview
#               ^^^^ constant.other.rule-code.pyreview

message = "# noqa: F401 is only text here"
#           ^^^^ string.quoted.single.python - keyword.other.noqa.pyreview

"""
# noqa: E501 inside a docstring is not a directive
# ^^^^ string.quoted.docstring.multi.python - keyword.other.noqa.pyreview
"""

# a comment that mentions noqa without the hash
#                         ^^^^ comment.line.number-sign.python - keyword.other.noqa.pyreview
