"""Synthetic IMR final determination letters and their expected parses (see bench/generate_letters.py).

Modules: names, regions, citations, helpers, dates and people hold the data and the draws of a letter's facts;
kinds/ draws the disputed items; statements, facts and phrases are the sentence pools; summary and rationale
write the prose; citation_wording, layout_determination, layout_documents and layout_professional lay a letter
out; doc adds the PDF extraction debris; expected builds the parse a correct parser should produce; letter ties
them together in a fixed order of draws.
"""
