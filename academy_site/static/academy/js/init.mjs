// Enhancements only: every page works without JavaScript. GOV.UK Frontend adds the error
// summary's focus, the header menu toggle on phones and the skip link's focus handling.
import { initAll } from "../../vendor/govuk-frontend/govuk-frontend.min.js";

initAll();
