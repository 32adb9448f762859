/** Strings shared by every e-mail of the platform (the frame around a module's own text). */
export const en = {
  'email.footer.automated': 'This message was sent automatically by the Paris Call platform; replies are not read.',
  'email.footer.site': 'Paris Call for Trust and Security in Cyberspace',
  'email.action.fallback': 'If the button does not work, copy this address into your browser:',
};
