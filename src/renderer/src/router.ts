import { createRouter, createWebHashHistory } from 'vue-router'
import WallView from './views/WallView.vue'
import ConsoleView from './views/ConsoleView.vue'
import BriefingView from './views/BriefingView.vue'

/** Hash history: works the same from file:// (Electron) and from the browser host. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'wall', component: WallView },
    { path: '/console', name: 'console', component: ConsoleView },
    // The briefing page (`?briefing=<spec>`, main.ts sends it here): what the capturer photographs.
    { path: '/briefing', name: 'briefing', component: BriefingView },
    { path: '/:pathMatch(.*)*', redirect: '/' }
  ]
})
