"""Reading sources into documents and extracting graph records from them."""
