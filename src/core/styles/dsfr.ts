// The DSFR chunks, each one shared CSSResult: every element that lists a chunk in its
// `static styles` adopts the same CSSStyleSheet object, parsed once per page.
// The CSS is produced at build time by build/dsfr-styles.mjs from @gouvfr/dsfr.
export { default as dsfrCore } from '~spp/dsfr/core';
export { default as dsfrLogo } from '~spp/dsfr/logo';
export { default as dsfrButton } from '~spp/dsfr/button';
export { default as dsfrLink } from '~spp/dsfr/link';
export { default as dsfrBadge } from '~spp/dsfr/badge';
export { default as dsfrTag } from '~spp/dsfr/tag';
export { default as dsfrForm } from '~spp/dsfr/form';
export { default as dsfrModal } from '~spp/dsfr/modal';
export { default as dsfrAlert } from '~spp/dsfr/alert';
export { default as dsfrAccordion } from '~spp/dsfr/accordion';
export { default as dsfrCard } from '~spp/dsfr/card';
export { default as dsfrTable } from '~spp/dsfr/table';
export { default as dsfrCallout } from '~spp/dsfr/callout';
export { default as dsfrStepper } from '~spp/dsfr/stepper';
export { default as dsfrSelect } from '~spp/dsfr/select';
export { default as dsfrSearch } from '~spp/dsfr/search';
export { default as dsfrNotice } from '~spp/dsfr/notice';
export { default as dsfrSegmented } from '~spp/dsfr/segmented';
