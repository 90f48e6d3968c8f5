"""Word minutes (minnesanteckningar): store → MinutesDocument → .docx.

Import ``facilitator.minutes.export`` for the public API; python-docx is only
loaded when a document is actually written.
"""
