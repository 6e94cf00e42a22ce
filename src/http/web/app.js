// app.js: starts GOV.UK Frontend's components. Pages work without it; it
// only adds what the components do with script (menus, error focus...).
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
