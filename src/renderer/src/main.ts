// The API first: it takes the access token out of the URL before the router reads it.
import './api'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import 'ol/ol.css'
import './styles/theme.css'
import './styles/sideCard.css'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { currentLocale, i18n } from './i18n'
import { router } from './router'

document.documentElement.classList.add('dark')
document.documentElement.lang = currentLocale.value

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
