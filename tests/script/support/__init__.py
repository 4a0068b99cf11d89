"""What the script tests share, so that each test module holds only its tests.

``views`` holds the compact views of an imported script that the asserts compare; the other
modules, one per kind of document, hold the small documents and imports its tests build on.
"""
