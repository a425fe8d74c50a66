// The API first: it takes the access token out of the URL before the router reads it.
import './api'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import 'ol/ol.css'
import './styles/theme.css'
import './styles/sideCard.css'
import './styles/dialogs.css'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { currentLocale, i18n } from './i18n'
import { router } from './router'
import { BRIEFING_QUERY_PARAM } from '@shared/briefing/query'

document.documentElement.classList.add('dark')
document.documentElement.lang = currentLocale.value

// A briefing capture loads the renderer with ?briefing=<spec> (docs/BRIEFINGS.md): show the briefing page.
if (new URLSearchParams(window.location.search).has(BRIEFING_QUERY_PARAM)) window.location.hash = '#/briefing'

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
