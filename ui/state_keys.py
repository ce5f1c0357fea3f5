"""Every session-state and URL key the dashboard uses, defined once.

The filter keys are also the URL parameter names (widgets bound with ``bind="query-params"``
use their key as the parameter), so ``?official=Anne+Milgram&from=2021&to=2022`` works on
every page.
"""

from fentdash.filters import PARAM_FROM, PARAM_KIND, PARAM_OFFICIAL, PARAM_TO

# Filters (widget keys == URL parameters).
OFFICIAL = PARAM_OFFICIAL
YEAR_FROM = PARAM_FROM
YEAR_TO = PARAM_TO
KIND = PARAM_KIND

# Other URL parameters pages own; the filter parser does not flag them as unknown.
ARTICLE = "article"  # Articles page: ?article=<article id>
EMBED = "embed"  # Streamlit's own ?embed=true
PAGE_PARAMS: tuple[str, ...] = (ARTICLE, EMBED, "embed_options")

# Filter values carried from page to page (format with the filter key).
LAST_VALUE = "_last_value_{}"
LAST_PAGE = "_last_page_{}"

# Corpus picking (sidebar).
CORPUS_FOLDER = "corpus_folder"
UPLOADER = "corpus_uploads"  # prefix; the key ends with the uploader generation
UPLOADED_PATHS = "uploaded_paths"  # dict: uploader file_id -> stored path
FORGET_UPLOADS = "forget_uploads"
UPLOADER_GENERATION = "uploader_generation"  # bumped to reset the uploader

# Frames put here (by tests or an embedding app) are used instead of parsing the corpus.
INJECTED_FRAMES = "injected_frames"

# Page widgets.
STATEMENT_SEARCH = "statement_search"
ARTICLE_PICK = "article_pick"
VERDICT_PICK = "verdict_pick"
