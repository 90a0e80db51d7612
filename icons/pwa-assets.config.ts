import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

// Generates every app icon from the one SVG: 64/192/512, maskable 512, apple-touch 180, favicon.
export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, padding: 0.3, resizeOptions: { background: '#12504f' } },
    apple: { ...minimal2023Preset.apple, padding: 0.3, resizeOptions: { background: '#12504f' } },
  },
  images: ['icons/icon.svg'],
});
