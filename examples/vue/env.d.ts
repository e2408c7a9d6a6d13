// The elements' template types (GlobalComponents), from the built package.
import type {} from 'spp-widgets/vue';
